import { it } from 'vitest';
import { extract, fieldValue } from './helpers/article.js';
it('x', () => {
  for (const s of ['A cruise missile fired on Friday hit a maternity hospital in the city centre, officials said.','A ballistic missile launched on Friday hit the area of the international airport, police said.','The navy launched 30 cruise missiles on Friday at the Tiyas air base, the ministry said.','The rebels fired four rockets on Friday at a disused airfield in the south.'])
    console.log(fieldValue(extract({ title: 'Launch reported', text: s, published: '2025-05-09', url: null }).ex, 'landing'), s);
});
