/** An ES module handler, loaded with import(). */
let invocations = 0;

export const handler = async (event) => {
  invocations += 1;
  return { format: typeof require === 'undefined' ? 'esm' : 'cjs', invocations, event };
};
