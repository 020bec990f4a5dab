// Every output by name: an output is one file in this folder, its name in names.ts and one entry here; the CLI
// (`salvo export`) and the API (`/api/events.<name>`) both serve whatever is listed.
import { atom } from './atom.js';
import { csv } from './csv.js';
import { geojson } from './geojson.js';
import { jsonl } from './jsonl.js';
import { OUTPUT_NAMES, type OutputName } from './names.js';
import type { Output } from './output.js';
import { predictions } from './predictions.js';
import { textTable } from './table.js';

export type { Output, OutputContext } from './output.js';

const BY_NAME: Readonly<Record<OutputName, Output>> = { csv, geojson, atom, jsonl, predictions, table: textTable };

/** In the order of OUTPUT_NAMES. */
export const OUTPUTS: readonly Output[] = OUTPUT_NAMES.map((name) => BY_NAME[name]);

export function outputNamed(name: string): Output | undefined {
  return OUTPUTS.find((o) => o.name === name);
}
