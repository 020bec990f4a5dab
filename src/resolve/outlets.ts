// Which news organisation publishes an outlet, from data/outlets.json: the language editions and mobile hosts
// of one newsroom (yna.co.kr, en.yna.co.kr, m-en.yna.co.kr) are one source when consensus counts independent
// sources. A host of no listed organisation is its own source.
import { readDataJson } from '../paths.js';

interface OrganisationRow {
  key: string;
  name: string;
  domains: string[];
}

const ROWS = readDataJson<{ organisations: OrganisationRow[] }>('outlets.json').organisations;

/** Domain → organisation key. */
const BY_DOMAIN = new Map(ROWS.flatMap((row) => row.domains.map((d) => [d.toLowerCase(), row.key] as const)));

/**
 * The source an outlet counts as: the organisation's key for a host of a listed organisation (the host itself
 * or a parent domain is listed), else the host as given, without a leading "www.". Null for no outlet.
 */
export function organisationOf(outlet: string | null | undefined): string | null {
  if (!outlet) return null;
  const host = outlet.trim().toLowerCase().replace(/^www\./, '');
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const key = BY_DOMAIN.get(labels.slice(i).join('.'));
    if (key) return key;
  }
  return host;
}
