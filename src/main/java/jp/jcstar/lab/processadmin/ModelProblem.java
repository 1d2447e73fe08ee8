package jp.jcstar.lab.processadmin;

/** One thing wrong with a model or form, named as a process administrator finds it: file, element, problem. */
public record ModelProblem(String resource, String element, String problem) {

    @Override
    public String toString() {
        return resource + (element == null ? "" : " [" + element + "]") + ": " + problem;
    }
}
