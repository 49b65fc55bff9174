/**
 * The review page's only script (progressive enhancement: everything is
 * visible and the filter works without it). "n" or the button moves focus to
 * the next row that needs attention, wrapping around. Allowed by the page's
 * Content-Security-Policy through its hash; no other script may run.
 */
import { createHash } from 'node:crypto'

export const reviewScript = `(function () {
  var button = document.getElementById('pp-next-problem');
  function next() {
    var all = Array.prototype.slice.call(document.querySelectorAll('tbody tr'));
    var problems = all.filter(function (row) { return row.classList.contains('attention'); });
    if (problems.length === 0) return;
    var active = document.activeElement;
    var current = active && active.closest ? active.closest('tbody tr') : null;
    var start = current ? all.indexOf(current) : -1;
    var target = problems.filter(function (row) { return all.indexOf(row) > start; })[0] || problems[0];
    target.focus();
    target.scrollIntoView({ block: 'center' });
  }
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'n' || event.ctrlKey || event.metaKey || event.altKey) return;
    var t = event.target;
    if (t && (t.isContentEditable || ((t.tagName === 'INPUT' && t.type !== 'checkbox') || \
t.tagName === 'TEXTAREA' || t.tagName === 'SELECT'))) return;
    event.preventDefault();
    next();
  });
  if (button) {
    button.hidden = false;
    button.addEventListener('click', next);
  }
})();`

export const reviewScriptHash = `sha256-${createHash('sha256').update(reviewScript).digest('base64')}`
