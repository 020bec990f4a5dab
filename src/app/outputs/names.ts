// The outputs' names and column sets, apart from their renderers: `salvo --help` lists them without loading the
// renderers and what they import (the knowledge tables, the copy detector, geodesics). index.ts pairs each name
// with its output; test/outputs.test.ts checks that every output carries the name and column sets given here.
export const OUTPUT_NAMES = ['csv', 'geojson', 'atom', 'jsonl', 'predictions', 'table'] as const;

export type OutputName = (typeof OUTPUT_NAMES)[number];

/** The CSV output's column sets, the default first. */
export const CSV_COLUMN_SETS = ['salvo', 'cns'] as const;

/** The column sets of the outputs that have several, the default first. */
export const COLUMN_SETS: Readonly<Partial<Record<OutputName, readonly string[]>>> = { csv: CSV_COLUMN_SETS };
