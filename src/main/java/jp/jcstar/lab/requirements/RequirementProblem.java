package jp.jcstar.lab.requirements;

import java.util.List;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.problem.InvalidInputException;

/** What is wrong with a requirement list a process administrator loaded, line by line; nothing was loaded. */
public class RequirementProblem extends InvalidInputException {

    private final transient List<Bilingual> problems;

    public RequirementProblem(List<Bilingual> problems) {
        super(Bilingual.join(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Bilingual> problems() {
        return problems;
    }
}
