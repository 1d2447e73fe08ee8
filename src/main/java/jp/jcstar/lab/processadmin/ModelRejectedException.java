package jp.jcstar.lab.processadmin;

import java.util.List;
import java.util.stream.Collectors;

import jp.jcstar.lab.problem.InvalidInputException;

/** A deployment refused because its models or forms would break running assessments; lists every problem. */
public class ModelRejectedException extends InvalidInputException {

    private final transient List<ModelProblem> problems;

    public ModelRejectedException(List<ModelProblem> problems) {
        super("Deployment refused: " + problems.size() + " problem(s): " + problems.stream()
                .map(ModelProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<ModelProblem> problems() {
        return problems;
    }
}
