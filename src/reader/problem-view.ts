/** A clear message in place of an article: what happened and what the reader can do. */
import type { PageProblem, ProblemReply } from '../platform/messages.ts';
import { t } from '../platform/i18n.ts';

const TEXT_KEYS: Record<PageProblem, [title: string, body: string]> = {
  restricted: ['problemRestrictedTitle', 'problemRestricted'],
  'no-access': ['problemNoAccessTitle', 'problemNoAccess'],
  loading: ['problemLoadingTitle', 'problemLoading'],
  'no-article': ['problemNoArticleTitle', 'problemNoArticle'],
  'too-large': ['problemTooLargeTitle', 'problemTooLarge'],
  'empty-input': ['problemEmptyTitle', 'problemEmpty'],
  timeout: ['problemTimeoutTitle', 'problemTimeout'],
  failed: ['problemFailedTitle', 'problemFailed'],
};

export interface ProblemActions {
  /** Offered with 'no-article' when the page has text. */
  onShowPageText?: () => void;
  onRetry?: () => void;
}

export function renderProblem(doc: Document, reply: ProblemReply, actions: ProblemActions = {}): HTMLElement {
  const [titleKey, bodyKey] = TEXT_KEYS[reply.problem];
  const box = doc.createElement('section');
  box.className = 'ro-problem';
  box.dataset.problem = reply.problem;
  box.setAttribute('role', reply.problem === 'loading' ? 'status' : 'alert');
  const title = doc.createElement('h1');
  title.className = 'ro-problem-title';
  title.textContent = t(titleKey);
  const body = doc.createElement('p');
  body.className = 'ro-problem-body';
  body.textContent = reply.problem === 'failed' ? t(bodyKey, reply.detail ?? '') : t(bodyKey);
  box.append(title, body);

  const buttons = doc.createElement('div');
  buttons.className = 'ro-problem-actions';
  if (reply.problem === 'no-article' && reply.pageText && actions.onShowPageText) {
    buttons.append(button(doc, t('showWholeText'), 'ro-show-page-text', actions.onShowPageText));
  }
  if (actions.onRetry && (reply.problem === 'failed' || reply.problem === 'loading' || reply.problem === 'timeout')) {
    buttons.append(button(doc, t('tryAgain'), 'ro-retry', actions.onRetry));
  }
  if (buttons.childElementCount > 0) box.append(buttons);
  return box;
}

function button(doc: Document, label: string, className: string, onClick: () => void): HTMLButtonElement {
  const node = doc.createElement('button');
  node.type = 'button';
  node.className = `ro-button ${className}`;
  node.textContent = label;
  node.addEventListener('click', onClick);
  return node;
}
