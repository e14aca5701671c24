import type { EditionEntry } from "../build/SiteBuild.ts";
import { CorrectionsLayout } from "../../layouts/CorrectionsLayout.tsx";
import { contextOf, paginated, type PageData } from "./pageData.ts";

/** `/corrections/` of each edition. */
export const data = paginated<EditionEntry>("edition", (e) => `${e.edition.homeUrl}corrections/`);

export function render(data: PageData<EditionEntry>) {
  const { edition } = data.entry;
  return <CorrectionsLayout ctx={contextOf(data, edition, `${edition.homeUrl}corrections/`)} />;
}
