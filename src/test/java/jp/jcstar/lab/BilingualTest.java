package jp.jcstar.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class BilingualTest {

    @Test
    void aLabelIsTakenApartWhereTheJapaneseEnds() {
        assertThat(Bilingual.ofLabel("クラウド試験 / Test cloud")).isEqualTo(Bilingual.of("クラウド試験", "Test cloud"));
        assertThat(Bilingual.ofLabel("DEV-02 Wi-Fi / BLE 信号の安全なブロードキャスト / Secure broadcasting of Wi-Fi / BLE signals"))
                .isEqualTo(Bilingual.of("DEV-02 Wi-Fi / BLE 信号の安全なブロードキャスト", "DEV-02 Secure broadcasting of Wi-Fi / BLE signals"));
        assertThat(Bilingual.ofLabel("CLD-04 所見 / Observation")).isEqualTo(Bilingual.of("CLD-04 所見", "CLD-04 Observation"));
        assertThat(Bilingual.ofLabel("JC-STAR 評価 / JC-STAR assessment")).isEqualTo(Bilingual.of("JC-STAR 評価", "JC-STAR assessment"));
        assertThat(Bilingual.ofLabel("Decision")).isEqualTo(Bilingual.of("Decision", "Decision"));
    }

    @Test
    void aNameIsBilingualWithJapaneseFirst() {
        assertThat(Bilingual.isBilingual("再試験 / Retest failed items")).isTrue();
        assertThat(Bilingual.isBilingual("Retest failed items")).isFalse();
        assertThat(Bilingual.isBilingual("Retest / 再試験")).isFalse();
        assertThat(Bilingual.isBilingual("再試験")).isFalse();
    }

    @Test
    void severalSentencesReadJapaneseFirstThenEnglish() {
        Bilingual both = Bilingual.join(List.of(Bilingual.of("一。", "One."), Bilingual.of("二。", "Two.")))
                .after(Bilingual.of("見出し：", "Heading:"));
        assertThat(both).hasToString("見出し： 一。 二。 / Heading: One. Two.");
    }
}
