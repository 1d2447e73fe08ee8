package jp.jcstar.lab.assessment;

/** A verdict as a form or client submitted it, before validation. */
public record RawVerdict(String itemId, Object verdict, String observation) {
}
