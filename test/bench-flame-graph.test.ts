import { flameGraphSvg, frameTree } from '../bench/flame-graph';

// A root with two call paths, one of them idle: idle time is left out, each frame's time includes its callees.
const profile = {
  nodes: [
    { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [2, 3, 4] },
    {
      id: 2,
      callFrame: { functionName: 'handle', url: 'file:///app/lib/emulator/pipeline.js', lineNumber: 9 },
      children: [5],
    },
    { id: 3, callFrame: { functionName: '(idle)', url: '', lineNumber: -1 } },
    { id: 4, callFrame: { functionName: '(garbage collector)', url: '', lineNumber: -1 } },
    { id: 5, callFrame: { functionName: 'stringify', url: '', lineNumber: -1 } },
  ],
  samples: [2, 5, 5, 3, 3, 3, 4],
  timeDeltas: [10, 10, 10, 10, 10, 10, 10],
};

test('frames carry their inclusive time, merged per parent, without idle samples', () => {
  const root = frameTree(profile);
  expect(root.time).toBe(40);
  const handle = root.children.get('handle lib/emulator/pipeline.js');
  expect(handle?.time).toBe(30);
  expect(handle?.children.get('stringify')?.time).toBe(20);
  expect(root.children.get('(garbage collector)')?.time).toBe(10);
  expect([...root.children.keys()].some((name) => name.startsWith('(idle)'))).toBe(false);
});

test('the SVG has one titled box per frame with its share, widths proportional to time', () => {
  const svg = flameGraphSvg(frameTree(profile), 'a <test>');
  expect(svg).toContain('<text x="4" y="16" font-size="13">a &lt;test&gt;</text>');
  expect(svg).toContain('<title>handle lib/emulator/pipeline.js (75.0 %)</title>');
  expect(svg).toContain('<title>stringify (50.0 %)</title>');
  expect(svg).toMatch(
    /<title>handle lib\/emulator\/pipeline\.js \(75\.0 %\)<\/title><rect x="0\.0" y="\d+" width="899\.5"/,
  );
});
