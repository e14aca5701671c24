import { likelySlips, type Registry } from "./registry.ts";
import type { ProblemList } from "./problems.ts";
import { tagSection } from "../urls.ts";
import { visibleName } from "./names.ts";

/**
 * For `npm run check`: the people and topics that stories name but no registry file has.
 * Each such name gets a page of its own, which is right for someone new and wrong for a
 * slip: the desk is told once per name, where it is first written (files in path order),
 * and told when two of them are a slip apart ("Bashar al-Assad", "Bashar al-Asad"), since
 * that makes two pages for one person. Near misses of registered names are already errors
 * (Registry.suggest); these are warnings, as a new name is no mistake.
 */
export function reportNewNames(registries: readonly Registry[], problems: ProblemList): void {
  for (const registry of registries) {
    const unregistered = registry.unregistered();
    const section = tagSection(registry.kind);
    const near = new Map<number, number>();
    for (const [i, j] of likelySlips(unregistered.map((u) => u.tag.name))) if (!near.has(j)) near.set(j, i);
    unregistered.forEach(({ tag, use }, j) => {
      const name = visibleName(tag.name);
      const file = `content/${section}/${tag.slug}.md`;
      const i = near.get(j);
      if (i !== undefined) {
        const first = unregistered[i]!;
        const where = `${first.use.file}${first.use.line() ? `:${first.use.line()}` : ""}`;
        problems.warn(use.file, use.line(), `${use.field}: "${name}" is a slip away from "${visibleName(first.tag.name)}" (${where}), which is not registered either: the two spellings make two pages — if they are one ${registry.kind}, write it one way, or register it in content/${section}/ with the other spelling in aliases:`);
        return;
      }
      problems.warn(use.file, use.line(), `${use.field}: "${name}" is not registered: it gets a page of its own, /${section}/${tag.slug}/ — to give it ${registry.kind === "person" ? "a role, a bio" : "a description"} or an Arabic name, add ${file} with name: ${tag.name}`);
    });
  }
}
