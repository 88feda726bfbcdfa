// Clean-up changes the candidate in place and records each change, so that undoing them gives back the candidate
// exactly as it was (the extractor keeps the uncleaned candidate when clean-up took away too much).
import { describe, expect, it } from 'vitest';
import { editLog } from '../../extension/clip/extract/edit-log';
import { parsePage } from '../../extension/clip/extract/node/parse-page';

describe('edit log', () => {
  it('undoes removals of neighbours, nested elements and text changes, back to the same markup', () => {
    const page = parsePage(
      '<body><div id="root"><p>By Jane Doe - Rain fell.</p><aside><b>Share</b> this</aside><p>One</p><p>Two</p>' +
        '<ul><li>a</li><li>b</li></ul></div></body>',
      'https://example.org/',
    );
    try {
      const root = page.document.getElementById('root') as Element;
      const before = root.innerHTML;
      const edits = editLog();
      const [first, second, third] = [...root.querySelectorAll('p')];
      edits.setText(first?.firstChild as Node, 'Rain fell.');
      edits.remove(root.querySelector('b') as Element);
      edits.remove(root.querySelector('aside') as Element);
      edits.remove(second as Element);
      edits.remove(third as Element);
      edits.remove(root.querySelector('li') as Element);
      expect(root.innerHTML).toBe('<p>Rain fell.</p><ul><li>b</li></ul>');
      edits.undo();
      expect(root.innerHTML).toBe(before);
    } finally {
      page.close();
    }
  });
});
