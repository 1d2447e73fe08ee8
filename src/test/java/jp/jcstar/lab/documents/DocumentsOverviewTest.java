package jp.jcstar.lab.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentsOverviewTest {

    @Test
    void fileNamesCannotBecomeLinksEmphasisHtmlOrEntitiesInTheForms() {
        assertThat(DocumentsOverview.markdownText("[click](https://evil.example)"))
                .isEqualTo("\\[click\\]\\(https://evil.example\\)");
        assertThat(DocumentsOverview.markdownText("<img src=x onerror=alert(1)>"))
                .isEqualTo("\\<img src=x onerror=alert\\(1\\)\\>");
        assertThat(DocumentsOverview.markdownText("**bold** _x_ `code` &lt;b&gt;"))
                .isEqualTo("\\*\\*bold\\*\\* \\_x\\_ \\`code\\` \\&lt;b\\&gt;");
        assertThat(DocumentsOverview.markdownText("脅威モデル 第2版.pdf")).isEqualTo("脅威モデル 第2版.pdf");
    }
}
