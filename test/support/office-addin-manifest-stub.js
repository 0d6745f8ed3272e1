/**
 * Jest stand-in for office-addin-manifest, an ESM package jest cannot load (mapped in jest.config.js).
 * office-addin-mock only reads its OfficeApp enumeration (to recognise the host it mocks, and to
 * treat Outlook differently), so that is all this provides. test/manifest.test.ts parses
 * manifest.xml itself and does not use this.
 */
"use strict";

module.exports = {
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
};
