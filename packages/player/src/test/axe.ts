// axe-core over a player, failing with a readable list of what it found.
import { expect } from '@esm-bundle/chai';
import 'axe-core';

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: unknown[]; failureSummary: string }[] }[];
}
const axe = (window as unknown as { axe: { run(context: Element, options?: object): Promise<AxeResult> } }).axe;

export async function expectNoViolations(element: Element, state: string): Promise<void> {
  const { violations } = await axe.run(element, { resultTypes: ['violations'] });
  const report = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary}`).join('\n  ')}`,
  );
  expect(violations, `axe in "${state}":\n${report.join('\n')}`).to.have.length(0);
}
