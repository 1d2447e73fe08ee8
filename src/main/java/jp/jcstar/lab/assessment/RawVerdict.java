package jp.jcstar.lab.assessment;

/**
 * A verdict as a form or client submitted it, before validation.
 *
 * @param field the form field it came from, named when it is refused
 */
public record RawVerdict(String itemId, String field, Object verdict, String observation) {
}
