// Draws processes/qualification-review.bpmn into docs/qualification-review.png as Cockpit draws it (bpmn-js, the
// renderer of Camunda's webapps and Modeler), in Debian's headless Chromium: `npm run render` after a model change.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const model = process.argv[2] ?? '../../processes/qualification-review.bpmn';
const image = process.argv[3] ?? '../../docs/qualification-review.png';
const margin = 40;

const xml = readFileSync(model, 'utf8');
// the drawing's extent: the largest corner of any shape or waypoint of the diagram
let width = 0;
let height = 0;
for (const m of xml.matchAll(/<dc:Bounds x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)) {
  width = Math.max(width, Number(m[1]) + Number(m[3]));
  height = Math.max(height, Number(m[2]) + Number(m[4]));
}
for (const m of xml.matchAll(/<di:waypoint x="([-\d.]+)" y="([-\d.]+)"/g)) {
  width = Math.max(width, Number(m[1]));
  height = Math.max(height, Number(m[2]));
}
width = Math.ceil(width) + margin;
height = Math.ceil(height) + margin;

const viewer = readFileSync('node_modules/bpmn-js/dist/bpmn-viewer.production.min.js', 'utf8');
const css = ['diagram-js.css', 'bpmn-js.css']
  .map((file) => readFileSync(`node_modules/bpmn-js/dist/assets/${file}`, 'utf8'))
  .join('\n');
const page = `<!doctype html><html><head><meta charset="utf-8"><style>${css}
  html, body, #canvas { margin: 0; width: ${width}px; height: ${height}px; background: #fff; }
  body { font-family: "Noto Sans CJK SC", sans-serif; }
</style></head><body><div id="canvas"></div>
<script>${viewer}</script>
<script>
  const viewer = new BpmnJS({ container: '#canvas' });
  viewer.importXML(${JSON.stringify(xml)}).then(() => {
    viewer.get('canvas').viewbox({ x: 0, y: 0, width: ${width}, height: ${height} });
  });
</script></body></html>`;

const dir = mkdtempSync(join(tmpdir(), 'render-'));
writeFileSync(join(dir, 'diagram.html'), page);
execFileSync('/usr/bin/chromium', [
  '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--lang=zh-CN',
  `--user-data-dir=${join(dir, 'profile')}`,
  `--window-size=${width},${height}`, '--virtual-time-budget=5000',
  `--screenshot=${image}`, `file://${join(dir, 'diagram.html')}`,
], { stdio: 'inherit' });
console.log(`${model} drawn into ${image} (${width}×${height})`);
