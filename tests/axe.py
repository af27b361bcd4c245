"""axe-core (web/node_modules, installed with the widget's npm packages) run
in a Playwright page: the serious and critical accessibility violations."""
from bot.config import PROJECT_ROOT

AXE = PROJECT_ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page):
    """Serious and critical axe-core violations (WCAG 2.0/2.1 A and AA rules).
    axe is evaluated through DevTools rather than add_script_tag: the page's
    Content-Security-Policy rightly refuses inline scripts."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE.read_text() + "\n;true")
    results = page.evaluate("""async () => {
        const rules = {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']};
        const r = await axe.run(document, {runOnly: rules});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                       nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)}));
    }""")
    return [v for v in results if v["impact"] in ("serious", "critical")]
