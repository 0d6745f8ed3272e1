/**
 * The manifest a production build ships (dist/manifest.xml), from the development manifest.xml:
 * - addresses: https://localhost:3000/ becomes the hosting address (OUTTURN_PUBLIC_URL); AppDomain takes its origin;
 * - its own <Id>: a production add-in must not share the development manifest's Id, or a developer's sideloaded
 *   copy and the admin-deployed one are the same add-in to Office (OUTTURN_MANIFEST_ID overrides the default);
 * - <Version> from package.json's version (x.y.z becomes x.y.z.0): Microsoft 365 admin centre deploys an update only
 *   when the manifest's version rises, so raise package.json's version before each release (README, "For an
 *   organisation"). OUTTURN_MANIFEST_VERSION overrides it.
 * The development notes in comments are dropped. Used by webpack.config.js (CopyWebpackPlugin transform) and tested
 * in test/excel/production-manifest.test.ts.
 */
"use strict";

const DEV_ORIGIN = "https://localhost:3000/";
/** The production add-in's Id (the development manifest.xml has its own). */
const PRODUCTION_ID = "d89e83df-af13-4736-aaed-3ed1089e5420";

/** "0.1.0" -> "0.1.0.0"; a manifest version has one to four dot-separated numbers. */
function manifestVersion(version) {
  const parts = String(version).split("-")[0].split(".");
  if (parts.length < 1 || parts.length > 4 || parts.some((p) => !/^\d+$/.test(p))) {
    throw new Error(`"${version}" cannot be a manifest version (numbers separated by dots, e.g. 1.2.0)`);
  }
  while (parts.length < 4) parts.push("0");
  return parts.join(".");
}

function productionManifest(content, { publicUrl, version, id = PRODUCTION_ID }) {
  if (!/^https:\/\/.+\/$/.test(publicUrl)) throw new Error(`OUTTURN_PUBLIC_URL must be an https address ending with "/" (got "${publicUrl}")`);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new Error(`"${id}" is not a GUID for the manifest's <Id>`);
  return content
    .toString()
    .replace(/<!--[\s\S]*?-->\s*/g, "")
    .replace(/<Id>[^<]*<\/Id>/, `<Id>${id}</Id>`)
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(version)}</Version>`)
    .split(DEV_ORIGIN)
    .join(publicUrl)
    .split(DEV_ORIGIN.slice(0, -1))
    .join(new URL(publicUrl).origin);
}

module.exports = { productionManifest, manifestVersion, PRODUCTION_ID };
