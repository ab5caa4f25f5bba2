// The viewer-id rule: stored only with the page's consent, read back when stored, in memory otherwise.
import { expect } from '@esm-bundle/chai';
import { resetViewerIdentityForTests, setViewerStorageConsent, VIEWER_KEY, viewerIdentity } from './viewer-id.js';

describe('viewer id', () => {
  beforeEach(() => {
    localStorage.removeItem(VIEWER_KEY);
    delete document.documentElement.dataset.livehookConsent;
    resetViewerIdentityForTests();
  });
  after(() => {
    localStorage.removeItem(VIEWER_KEY);
    delete document.documentElement.dataset.livehookConsent;
    resetViewerIdentityForTests();
  });

  it('stays in memory, stable for the page, without consent', () => {
    const first = viewerIdentity();
    expect(first.persisted).to.equal(false);
    expect(first.id).to.match(/^[0-9a-f-]{36}$/);
    expect(viewerIdentity().id).to.equal(first.id);
    expect(localStorage.getItem(VIEWER_KEY)).to.equal(null);
  });

  it('is stored once the page allows it, by markup or by call', () => {
    document.documentElement.dataset.livehookConsent = 'granted';
    const marked = viewerIdentity();
    expect(marked.persisted).to.equal(true);
    expect(localStorage.getItem(VIEWER_KEY)).to.equal(marked.id);
    localStorage.removeItem(VIEWER_KEY);
    delete document.documentElement.dataset.livehookConsent;
    resetViewerIdentityForTests();
    setViewerStorageConsent(true);
    expect(viewerIdentity().persisted).to.equal(true);
  });

  it('uses an id already stored (by the lead-event pipeline), ignores a malformed one', () => {
    localStorage.setItem(VIEWER_KEY, '<script>');
    expect(viewerIdentity().persisted).to.equal(false);
    const stored = '0b0f7a2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c';
    localStorage.setItem(VIEWER_KEY, stored);
    expect(viewerIdentity()).to.deep.equal({ id: stored, persisted: true });
  });

  it('deletes the stored id when consent is withdrawn, keeping it in memory for this page', () => {
    setViewerStorageConsent(true);
    const { id } = viewerIdentity();
    setViewerStorageConsent(false);
    expect(localStorage.getItem(VIEWER_KEY)).to.equal(null);
    expect(viewerIdentity()).to.deep.equal({ id, persisted: false });
  });
});
