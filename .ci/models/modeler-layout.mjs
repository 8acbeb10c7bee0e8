// Reads every model in processes/ and writes it back as Camunda Modeler would save it (bpmn-moddle / dmn-moddle with
// the Camunda extensions, formatted). --check fails when a file differs, so that a Modeler save gives a small diff;
// --write rewrites the files.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import DmnModdle from 'dmn-moddle';
import camundaBpmn from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };
import camundaDmn from 'camunda-dmn-moddle/resources/camunda.json' with { type: 'json' };

const dir = new URL('../../processes/', import.meta.url).pathname;
const write = process.argv.includes('--write');
let failed = false;

for (const name of readdirSync(dir).filter((f) => /\.(bpmn|dmn)$/.test(f)).sort()) {
  const file = join(dir, name);
  const xml = readFileSync(file, 'utf8');
  const moddle = name.endsWith('.bpmn') ? new BpmnModdle({ camunda: camundaBpmn }) : new DmnModdle({ camunda: camundaDmn });
  const { rootElement, warnings } = await moddle.fromXML(xml);
  for (const w of warnings) {
    console.error(`${name}: ${w.message}`);
    failed = true;
  }
  const { xml: saved } = await moddle.toXML(rootElement, { format: true });
  const normalised = saved + '\n';
  if (normalised === xml) continue;
  if (write) {
    writeFileSync(file, normalised);
    console.log(`${name}: rewritten as Camunda Modeler lays it out`);
  } else {
    console.error(`${name}: not laid out as Camunda Modeler writes it; run npm run format in .ci/models`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
