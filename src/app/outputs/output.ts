// What an output is: a named rendering of a list of stored events (CSV, GeoJSON, Atom, …). The CLI's
// `salvo export --format <name>` and the API's `/api/events.<name>` look outputs up by name in ./index.ts.
import type { Store, StoredEvent } from '../../store/store.js';

export interface OutputContext {
  store: Store;
  /** The events to render, in the order to render them. */
  events: StoredEvent[];
  /** The address of the web app and the API, for links ("http://localhost:8080"). */
  base: string;
  /** The column set, for an output that has several (see Output.columnSets); the first when not given. */
  columns?: string;
}

export interface Output {
  /** The name the CLI and the API use (`--format csv`, `/api/events.csv`). */
  name: string;
  /** The media type of the rendering, without parameters ("text/csv"). */
  mediaType: string;
  /** The file name extension for downloads. */
  extension: string;
  /** Served as a file to save (Content-Disposition: attachment) rather than shown. */
  download: boolean;
  /** One line for `--help` and the API documentation. */
  description: string;
  /** The column sets it can render ("salvo", "cns"), the default first; absent when it has one shape. */
  columnSets?: readonly string[];
  render(ctx: OutputContext): Promise<string>;
}
