import ts from 'typescript';

/** Attributes whose text a person sees or hears. */
const VISIBLE_ATTRIBUTES = new Set(['title', 'placeholder', 'aria-label', 'alt', 'aria-description', 'aria-valuetext', 'label']);
/** A letter of any script: text without one (×, ·, —, #, digits, arrows) carries no language. */
const LETTER = /\p{L}/u;

export interface LiteralText {
  line: number;
  text: string;
  where: string;
}

/**
 * Visible text written into a component instead of coming from the catalogues: JSX text with a letter,
 * string literals with a letter in visible attributes, and string literals with a letter as a JSX child.
 */
export function findLiteralText(fileName: string, source: string): LiteralText[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: LiteralText[] = [];
  const report = (node: ts.Node, text: string, where: string) => {
    if (!LETTER.test(text)) return;
    found.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim(), where });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text, 'text');
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(file)) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) report(init, init.text, node.name.getText(file));
      if (ts.isJsxExpression(init) && init.expression) literalStrings(init.expression).forEach((s) => report(s, s.text, node.name.getText(file)));
    }
    if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      literalStrings(node.expression).forEach((s) => report(s, s.text, 'child'));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** String literals an expression can evaluate to directly (`'x'`, `a ? 'x' : y`, `` `x${y}` ``), not inside calls. */
function literalStrings(expression: ts.Expression): Array<ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateHead> {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return [expression];
  if (ts.isTemplateExpression(expression)) return [expression.head];
  if (ts.isParenthesizedExpression(expression)) return literalStrings(expression.expression);
  if (ts.isConditionalExpression(expression)) return [...literalStrings(expression.whenTrue), ...literalStrings(expression.whenFalse)];
  if (ts.isBinaryExpression(expression) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(expression.operatorToken.kind)) {
    return [...literalStrings(expression.left), ...literalStrings(expression.right)];
  }
  return [];
}
