import { join } from "node:path";
import * as pagefind from "pagefind";

export interface SearchIndexResult {
  /** Pages Pagefind indexed: those with `data-pagefind-body`, the articles. */
  pages: number;
}

/**
 * Builds the Pagefind search index of a written site into `<dir>/pagefind/`, as a step of
 * the build (run on the staging folder, before it replaces the published site, so a failed
 * index leaves the site as it was). Only elements marked `data-pagefind-body` are indexed:
 * article bodies, not listings; `data-pagefind-filter` (person, topic) and
 * `data-pagefind-sort` (date) on article pages make the results filterable and sortable.
 * One index per `<html lang>`, so the Arabic edition searches Arabic.
 */
export async function indexSite(dir: string): Promise<SearchIndexResult> {
  try {
    const created = await pagefind.createIndex({});
    const index = created.index;
    if (!index) throw new Error(created.errors.join("; ") || "Pagefind could not start");
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length > 0) throw new Error(added.errors.join("; "));
    const written = await index.writeFiles({ outputPath: join(dir, "pagefind") });
    if (written.errors.length > 0) throw new Error(written.errors.join("; "));
    return { pages: added.page_count };
  } catch (error) {
    throw new Error(`search index: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await pagefind.close();
  }
}
