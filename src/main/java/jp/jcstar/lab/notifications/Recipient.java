package jp.jcstar.lab.notifications;

/** A person a mail goes to, as the identity service knows them; {@code email} may be missing. */
public record Recipient(String userId, String firstName, String lastName, String email) {

    String nameJa() {
        return join(lastName, firstName) + " 様";
    }

    String nameEn() {
        return "Dear " + join(firstName, lastName) + ",";
    }

    private String join(String first, String second) {
        String name = ((first == null ? "" : first) + " " + (second == null ? "" : second)).strip();
        return name.isEmpty() ? userId : name;
    }
}
