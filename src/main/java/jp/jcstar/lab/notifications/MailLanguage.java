package jp.jcstar.lab.notifications;

import jp.jcstar.lab.problem.EnumValues;

/** The language a person reads their mails in: Japanese, English, or both (Japanese first), the default. */
public enum MailLanguage {
    JA("ja"), EN("en"), JA_EN("ja-en");

    private final String code;

    MailLanguage(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static MailLanguage parse(String value) {
        return EnumValues.parse(MailLanguage.class, "language", value, MailLanguage::code);
    }
}
