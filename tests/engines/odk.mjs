// Fill XForms in ODK's own form engine (@getodk/xforms-engine) and hand back what it submits.
//
// Reads a JSON list of jobs on stdin: {xform, answers, language}. `answers` is an XML instance
// (what terugkeer's `submission()` writes, or any instance of the form): the driver walks the
// engine's tree as a person would, adding repeat instances, typing inputs and choosing options
// for every answered field, in the form's `language`. It writes one JSON line per job:
// {status, violations: [{reference, condition}], xml, label}. Nothing is fetched from a network.
import { JSDOM } from 'jsdom';

const dom = new JSDOM('');
for (const name of ['DOMParser', 'XMLSerializer', 'Node', 'Element', 'Document', 'XPathResult',
  'NodeFilter', 'Attr', 'Text', 'document']) {
  if (!(name in globalThis)) globalThis[name] = dom.window[name];
}
// The engine's bundled tree-sitter (its WebAssembly inlined) probes for CommonJS names on Node.
globalThis.__dirname = process.cwd();
globalThis.module = { exports: {} };
const { createInstance } = await import('@getodk/xforms-engine');

const nameOf = (node) => node.currentState.reference.split('/').pop().replace(/\[\d+\]$/, '');
const childrenNamed = (element, name) =>
  element ? [...element.children].filter((child) => child.localName === name) : [];

function fill(node, element) {
  for (const child of node.currentState.children ?? []) {
    const found = childrenNamed(element, nameOf(child));
    switch (child.nodeType) {
      case 'repeat-range:uncontrolled': {
        const have = child.currentState.children.length;
        if (found.length > have) child.addInstances(have - 1, found.length - have);
        if (found.length < have) child.removeInstances(found.length, have - found.length);
        child.currentState.children.forEach((entry, i) => fill(entry, found[i]));
        break;
      }
      case 'group':
        if (found.length) fill(child, found[0]);
        break;
      case 'input': {
        const value = found.length ? found[0].textContent : '';
        if (value !== '') child.setValue(value);
        break;
      }
      case 'select': {
        const value = found.length ? found[0].textContent : '';
        if (value === '') break;
        if (child.selectType === 'select') child.selectValues(value.split(' '));
        else child.selectValue(value);
        break;
      }
      default: // calculations (model values) fill themselves
    }
  }
}

async function run(job) {
  const { root } = await createInstance(job.xform, { instance: { stateFactory: (o) => o } });
  const language = root.languages.find((l) => l.language === job.language);
  if (!language) throw new Error(`no language ${job.language}`);
  root.setLanguage(language);
  const parsed = new DOMParser().parseFromString(job.answers, 'text/xml');
  fill(root, parsed.documentElement);
  const payload = await root.prepareInstancePayload();
  const file = payload.data[0].get('xml_submission_file');
  const first = root.currentState.children.find((c) => c.currentState.label);
  return {
    status: payload.status,
    violations: (payload.violations ?? []).map((v) => ({
      reference: v.reference,
      condition: v.violation?.condition ?? null,
      message: v.violation?.message?.asString ?? null,
    })),
    xml: await file.text(),
    label: first ? first.currentState.label.asString : null,
  };
}

let input = '';
for await (const chunk of process.stdin) input += chunk;
for (const job of JSON.parse(input)) {
  try {
    process.stdout.write(JSON.stringify(await run(job)) + '\n');
  } catch (error) {
    process.stdout.write(JSON.stringify({ error: String(error?.stack ?? error) }) + '\n');
  }
}
