import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { PACKAGE_ASSETS, NASKH_ARABIC } from "../../src/i18n/fonts.ts";
import { ARABIC, ENGLISH } from "../../src/i18n/languages.ts";
import { outputPath } from "../../src/urls.ts";

const require = createRequire(import.meta.url);
const OUR_CSS = readFileSync(new URL("../../layouts/assets/arabic.css", import.meta.url), "utf8");

/** The declarations of the package's @font-face for the file named `file`. */
function packageFace(file: string): string {
  const css = readFileSync(require.resolve("@fontsource-variable/noto-naskh-arabic/wght.css"), "utf8");
  const face = css.split("@font-face").find((block) => block.includes(`/${file})`));
  assert.ok(face, `the package declares ${file}`);
  return face;
}

const declaration = (css: string, name: string) => new RegExp(`${name}:\\s*([^;]+);`).exec(css)?.[1]?.trim();

test("the Arabic face's @font-face names the file the build publishes, with the package's own unicode-range and weights", () => {
  const src = /url\("fonts\/([^"]+)"\)/.exec(OUR_CSS)?.[1];
  assert.equal(src, "noto-naskh-arabic-arabic-wght-normal.woff2");
  assert.ok(PACKAGE_ASSETS.some((a) => a.to === outputPath(NASKH_ARABIC.file) && a.from.endsWith(`/${src}`)), "the build copies that file from the package");
  const theirs = packageFace(src!);
  assert.equal(declaration(OUR_CSS, "unicode-range"), declaration(theirs, "unicode-range"), "a package update that changes the subset shows here");
  assert.equal(declaration(OUR_CSS, "font-weight"), declaration(theirs, "font-weight"));
  assert.equal(declaration(OUR_CSS, "font-display"), "swap");
  assert.match(declaration(OUR_CSS, "unicode-range")!, /^U\+0600-06FF,/, "the Arabic subset, not Latin");
});

test("the files the site publishes from packages are there: a WOFF2 font and its OFL licence", () => {
  for (const asset of PACKAGE_ASSETS) assert.ok(readFileSync(asset.from).length > 0, asset.from);
  const font = readFileSync(PACKAGE_ASSETS.find((a) => a.to.endsWith(".woff2"))!.from);
  assert.equal(font.subarray(0, 4).toString("latin1"), "wOF2");
  assert.match(readFileSync(PACKAGE_ASSETS.find((a) => a.to.endsWith("LICENSE.txt"))!.from, "utf8"), /SIL Open Font License, Version 1\.1/);
});

test("only the Arabic edition loads a face of its own", () => {
  assert.equal(ARABIC.font, NASKH_ARABIC);
  assert.equal(ENGLISH.font, undefined);
});
