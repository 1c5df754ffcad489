/**
 * Draws a V8 `.cpuprofile` as a flame graph in SVG (root at the bottom, width = share of the non-idle time),
 * for docs/performance.md: `tsx bench/flame-graph.ts <file.cpuprofile> <out.svg> [title]`. Frames of the same
 * function under the same parent are merged; frames under 0.1 % are left out. Hover a frame for its name and share.
 * (No maintained npm package renders SVG from a .cpuprofile: `flamegraph` is unmaintained, `0x` writes HTML.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { frameLabel, type Profile, profileIndex } from './cpu-profile';

interface Frame {
  readonly name: string;
  time: number;
  readonly children: Map<string, Frame>;
}

const WIDTH = 1200;
const ROW = 16;
const MIN_SHARE = 0.001;

/** The profile as a tree of merged frames, each with its inclusive time; idle samples are left out. */
export function frameTree(profile: Profile): Frame {
  const { byId, parent } = profileIndex(profile);
  const root: Frame = { name: 'all', time: 0, children: new Map() };
  profile.samples.forEach((id, i) => {
    const time = profile.timeDeltas[i] ?? 0;
    const stack: string[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at)!;
      if (parent.get(at) !== undefined) stack.push(frameLabel(node));
    }
    if (stack[0]?.startsWith('(idle)')) return;
    root.time += time;
    let frame = root;
    for (const name of stack.reverse()) {
      let child = frame.children.get(name);
      if (!child) {
        child = { name, time: 0, children: new Map() };
        frame.children.set(name, child);
      }
      child.time += time;
      frame = child;
    }
  });
  return root;
}

function color(name: string): string {
  if (name.startsWith('(garbage collector)')) return '#e05050';
  if (name.includes(' lib/') || name.includes('portico:')) return '#f0a040';
  if (name.includes('node:')) return '#70a0e0';
  if (name.includes('node_modules/')) return '#a0c070';
  return '#c0c0c0';
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function flameGraphSvg(root: Frame, title: string): string {
  const boxes: { x: number; level: number; width: number; frame: Frame }[] = [];
  const draw = (frame: Frame, x: number, level: number) => {
    boxes.push({ x, level, width: (frame.time / root.time) * WIDTH, frame });
    let childX = x;
    for (const child of [...frame.children.values()].sort((a, b) => b.time - a.time)) {
      if (child.time / root.time < MIN_SHARE) continue;
      draw(child, childX, level + 1);
      childX += (child.time / root.time) * WIDTH;
    }
  };
  draw(root, 0, 0);
  const height = (Math.max(...boxes.map((box) => box.level)) + 1) * ROW + 30;
  const body = boxes.map(({ x, level, width, frame }) => {
    const y = height - (level + 1) * ROW;
    const share = ((frame.time / root.time) * 100).toFixed(1);
    const label = width > 40 ? frame.name.slice(0, Math.floor((width - 6) / 6.5)) : '';
    return (
      `<g><title>${escapeXml(frame.name)} (${share} %)</title>` +
      `<rect x="${x.toFixed(1)}" y="${y}" width="${Math.max(0.5, width - 0.5).toFixed(1)}" height="${ROW - 1}" fill="${color(frame.name)}"/>` +
      (label ? `<text x="${(x + 3).toFixed(1)}" y="${y + 11}">${escapeXml(label)}</text>` : '') +
      '</g>'
    );
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" font-family="monospace" font-size="11">`,
    `<title>Flame graph: ${escapeXml(title)}</title>`,
    '<rect width="100%" height="100%" fill="#ffffff"/>',
    `<text x="4" y="16" font-size="13">${escapeXml(title)}</text>`,
    ...body,
    '</svg>',
  ].join('\n');
}

if (require.main === module) {
  const [file, out, title] = process.argv.slice(2);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  writeFileSync(out, flameGraphSvg(frameTree(profile), title ?? file));
}
