package jp.jcstar.lab.catalog;

/** The lab's test steps that own check items; each has its catalog prefix (DOC-01, DEV-01, ...). */
public enum Step {
    DOCUMENTATION, DEVICE, APP, CLOUD
}
