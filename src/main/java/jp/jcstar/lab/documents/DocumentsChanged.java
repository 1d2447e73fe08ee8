package jp.jcstar.lab.documents;

import jp.jcstar.lab.assessment.Assessment;

/**
 * Published when an upload of a document (not evidence) is stored, in the upload's transaction and under the lock on
 * its assessment: whatever shows the assessment's documents elsewhere (the running process's forms) catches up in the
 * same commit. A listener must not fail the upload: what it writes, it writes under a savepoint of its own. Documents
 * know nothing of who listens.
 *
 * @param assessment the assessment as locked for the upload
 */
public record DocumentsChanged(Assessment assessment) {
}
