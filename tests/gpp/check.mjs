// Puts the notice fields of candor's gpp.json into a GPP string with the
// IAB Tech Lab's own library (@iabgpp/cmpapi), decodes the string again and
// checks that every field reads back as written: the fields are ones the
// US National section has, with values it accepts, in the version the
// export says (2). `Gpc` is not in the export: it is the person's browser
// signal, which the consent platform sets.
//
// Usage: node tests/gpp/check.mjs PATH/gpp.json
import { readFileSync } from "node:fs";
import { GppModel } from "@iabgpp/cmpapi";

const exported = JSON.parse(readFileSync(process.argv[2], "utf8"));
if (exported.section !== "usnat") throw new Error(`unexpected section ${exported.section}`);
const fields = Object.entries(exported.fields).filter(([, v]) => v !== null);
const model = new GppModel();
for (const [name, value] of fields) model.setFieldValue("usnat", name, value);
const gpp = model.encode();
const decoded = new GppModel(gpp);
if ("Gpc" in exported) throw new Error("Gpc is the browser's signal, not an export field");
for (const [name, value] of [...fields, ["Version", exported.version]]) {
  const back = decoded.getFieldValue("usnat", name);
  if (back !== value) throw new Error(`${name}: wrote ${value}, read back ${back}`);
}
if (decoded.getSectionIds().join() !== "7") throw new Error("the string holds no usnat section");
console.log(`ok ${fields.length} fields, version ${exported.version}: ${gpp}`);
