package jp.jcstar.lab.processadmin;

import jp.jcstar.lab.Bilingual;

/** One thing wrong with a model or form, named as a process administrator finds it: file, element, problem. */
public record ModelProblem(String resource, String element, String problem) {

    /** A problem told in Japanese and English, written "日本語 / English". */
    public ModelProblem(String resource, String element, Bilingual problem) {
        this(resource, element, problem.toString());
    }

    @Override
    public String toString() {
        return resource + (element == null ? "" : " [" + element + "]") + ": " + problem;
    }
}
