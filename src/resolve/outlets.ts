// Which news organisation publishes an outlet, from data/outlets.json: the language editions and mobile hosts
// of one newsroom (yna.co.kr, en.yna.co.kr, m-en.yna.co.kr) are one source when consensus counts independent
// sources. A host of no listed organisation is its own source.
import { outletName } from '../headline.js';
import { readDataJson } from '../paths.js';
import { ORGANISATION_CACHE } from '../settings.js';

interface OrganisationRow {
  key: string;
  name: string;
  domains: string[];
}

const ROWS = readDataJson<{ organisations: OrganisationRow[] }>('outlets.json').organisations;

/** Domain → organisation key. */
const BY_DOMAIN = new Map(ROWS.flatMap((row) => row.domains.map((d) => [d.toLowerCase(), row.key] as const)));

/** Outlets already looked up, with their organisation, oldest first. */
const LOOKED_UP = new Map<string, string>();

/**
 * The source an outlet counts as: the organisation's key for a host of a listed organisation (the host itself
 * or a parent domain is listed), else the host as given, without a leading "www.". Null for no outlet. A port
 * is no part of an outlet ("example.org:8443" is example.org, as readers are shown it: outletName), so the same
 * report counts as the same source whether its stored source names a port or not.
 */
export function organisationOf(outlet: string | null | undefined): string | null {
  if (!outlet) return null;
  const known = LOOKED_UP.get(outlet);
  if (known !== undefined) return known;
  const found = lookUp(outlet);
  if (LOOKED_UP.size >= ORGANISATION_CACHE) LOOKED_UP.delete(LOOKED_UP.keys().next().value as string);
  LOOKED_UP.set(outlet, found);
  return found;
}

function lookUp(outlet: string): string {
  const host = (outletName(outlet.trim()) ?? '').toLowerCase().replace(/^www\./, '');
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const key = BY_DOMAIN.get(labels.slice(i).join('.'));
    if (key) return key;
  }
  return host;
}
