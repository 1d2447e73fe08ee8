package jp.jcstar.lab.documents;

/**
 * Published after an upload of a document (not evidence) is stored and committed: whatever shows the assessment's
 * documents elsewhere (the running process's forms) catches up. Documents know nothing of who listens.
 */
public record DocumentsChanged(long assessmentId) {
}
