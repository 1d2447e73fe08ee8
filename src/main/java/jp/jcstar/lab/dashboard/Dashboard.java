package jp.jcstar.lab.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jp.jcstar.lab.Bilingual;
import jp.jcstar.lab.LabClock;
import jp.jcstar.lab.catalog.Step;
import jp.jcstar.lab.dashboard.LabFigures.AreaFailures;
import jp.jcstar.lab.dashboard.LabFigures.FirstRounds;
import jp.jcstar.lab.dashboard.LabFigures.OpenWork;
import jp.jcstar.lab.dashboard.LabFigures.Outcomes;
import jp.jcstar.lab.dashboard.LabFigures.Party;
import jp.jcstar.lab.dashboard.LabFigures.PersonCount;
import jp.jcstar.lab.dashboard.LabFigures.Split;
import jp.jcstar.lab.dashboard.LabFigures.StepCount;
import jp.jcstar.lab.dashboard.LabFigures.StepTime;
import jp.jcstar.lab.security.Roles;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the lab's figures for a filter. Whose turn a step is and what it is called come from the deployed model
 * the task belongs to (its candidate groups and name), so a step a process administrator adds is counted too.
 */
@Service
@Transactional(readOnly = true)
public class Dashboard {

    /** The items listed as failing most. */
    static final int TOP_ITEMS = 10;

    /** A user task of a deployed model: its name, whose turn it is, its candidate groups. */
    record StepInfo(Bilingual name, Party party, Set<String> groups, int order) {
    }

    private final DashboardQueries queries;
    private final RepositoryService repository;
    private final LabClock clock;
    private final Map<String, Map<String, StepInfo>> models = new ConcurrentHashMap<>();

    public Dashboard(DashboardQueries queries, @Lazy RepositoryService repository, LabClock clock) {
        this.queries = queries;
        this.repository = repository;
        this.clock = clock;
    }

    public LabFigures figures(DashboardFilter filter) {
        FirstRounds firstRounds = queries.firstRounds(filter);
        Map<String, Long> byArea = queries.firstRoundFailuresByArea(filter);
        List<AreaFailures> areas = Arrays.stream(Step.values()).map(step -> {
            long failed = byArea.getOrDefault(step.name(), 0L);
            return new AreaFailures(step.name(), area(step), failed,
                    firstRounds.failed() == 0 ? null : (double) failed / firstRounds.failed());
        }).toList();
        Map<String, Long> ended = queries.ended(filter);
        Outcomes outcomes = new Outcomes(ended.getOrDefault("COMPLETED", 0L), ended.getOrDefault("TERMINATED", 0L),
                queries.roundsOfCompleted(filter));
        List<DashboardQueries.TaskTime> finished = queries.finishedTasks(filter);
        return new LabFigures(filter, queries.applied(filter), firstRounds, areas,
                queries.topFirstRoundFailures(filter, TOP_ITEMS), outcomes, leadTimes(finished),
                split(queries.completed(filter), finished), openWork(filter));
    }

    public static Bilingual area(Step step) {
        return switch (step) {
            case DOCUMENTATION -> Bilingual.of("ドキュメント", "Documentation");
            case DEVICE -> Bilingual.of("デバイス", "Device");
            case APP -> Bilingual.of("アプリ", "App");
            case CLOUD -> Bilingual.of("クラウド", "Cloud");
        };
    }

    private List<StepTime> leadTimes(List<DashboardQueries.TaskTime> finished) {
        Map<String, List<DashboardQueries.TaskTime>> byStep = finished.stream()
                .collect(Collectors.groupingBy(DashboardQueries.TaskTime::step, LinkedHashMap::new, Collectors.toList()));
        // In the order of the model the step's latest task belongs to.
        Map<StepTime, Integer> order = new LinkedHashMap<>();
        byStep.forEach((step, tasks) -> {
            StepInfo info = info(tasks.get(tasks.size() - 1).definitionId(), step);
            double[] hours = tasks.stream().mapToDouble(task -> DashboardQueries.hours(task.millis())).sorted().toArray();
            double median = hours.length % 2 == 1 ? hours[hours.length / 2]
                    : (hours[hours.length / 2 - 1] + hours[hours.length / 2]) / 2;
            order.put(new StepTime(step, info.name(), info.party(), hours.length, median,
                    Arrays.stream(hours).average().orElse(0)), info.order());
        });
        return order.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
    }

    /**
     * Completed assessments: days from application to end, of which the manufacturer's steps took this many; the
     * rest is the lab's (its steps, reports, and its parallel tests once each).
     */
    private Split split(List<DashboardQueries.Completed> completed, List<DashboardQueries.TaskTime> finished) {
        if (completed.isEmpty()) {
            return new Split(0, null, null);
        }
        Map<Long, Long> manufacturerMillis = new TreeMap<>();
        for (DashboardQueries.TaskTime task : finished) {
            if (info(task.definitionId(), task.step()).party() == Party.MANUFACTURER) {
                manufacturerMillis.merge(task.assessmentId(), task.millis(), Long::sum);
            }
        }
        double totalDays = 0;
        double manufacturerDays = 0;
        for (DashboardQueries.Completed assessment : completed) {
            totalDays += Duration.between(assessment.appliedAt(), assessment.endedAt()).toSeconds() / 86400.0;
            manufacturerDays += manufacturerMillis.getOrDefault(assessment.assessmentId(), 0L) / 86_400_000.0;
        }
        return new Split(completed.size(), totalDays / completed.size(), manufacturerDays / completed.size());
    }

    private OpenWork openWork(DashboardFilter filter) {
        Instant now = clock.now().toInstant();
        List<DashboardQueries.OpenTask> open = queries.openTasks(filter);
        Map<String, long[]> byStep = new LinkedHashMap<>();
        Map<String, Long> engineers = new TreeMap<>();
        long unassigned = 0;
        long overdue = 0;
        Map<String, StepInfo> infos = new LinkedHashMap<>();
        for (DashboardQueries.OpenTask task : open) {
            StepInfo info = info(task.definitionId(), task.step());
            infos.putIfAbsent(task.step(), info);
            boolean late = task.due() != null && task.due().isBefore(now);
            long[] counts = byStep.computeIfAbsent(task.step(), key -> new long[2]);
            counts[0]++;
            counts[1] += late ? 1 : 0;
            overdue += late ? 1 : 0;
            if (info.groups().contains(Roles.ENGINEERS)) {
                if (task.assignee() == null) {
                    unassigned++;
                } else {
                    engineers.merge(task.assignee(), 1L, Long::sum);
                }
            }
        }
        List<StepCount> steps = byStep.entrySet().stream()
                .sorted(Comparator.comparingInt(entry -> infos.get(entry.getKey()).order()))
                .map(entry -> new StepCount(entry.getKey(), infos.get(entry.getKey()).name(), entry.getValue()[0],
                        entry.getValue()[1])).toList();
        List<PersonCount> people = new ArrayList<>();
        engineers.forEach((person, tasks) -> people.add(new PersonCount(person, tasks)));
        if (unassigned > 0) {
            people.add(new PersonCount(null, unassigned));
        }
        return new OpenWork(steps, overdue, people);
    }

    /** The step as the model that created the task has it; a step the model no longer knows keeps its id. */
    private StepInfo info(String definitionId, String step) {
        StepInfo known = definitionId == null ? null : models.computeIfAbsent(definitionId, this::steps).get(step);
        return known != null ? known : new StepInfo(Bilingual.of(step, step), Party.LAB, Set.of(), Integer.MAX_VALUE);
    }

    private Map<String, StepInfo> steps(String definitionId) {
        Map<String, StepInfo> steps = new LinkedHashMap<>();
        int order = 0;
        for (UserTask task : repository.getBpmnModelInstance(definitionId).getModelElementsByType(UserTask.class)) {
            Set<String> groups = task.getCamundaCandidateGroupsList() == null ? Set.of()
                    : Set.copyOf(task.getCamundaCandidateGroupsList());
            steps.put(task.getId(), new StepInfo(Bilingual.ofLabel(task.getName() == null ? task.getId() : task.getName()),
                    groups.contains(Roles.MANUFACTURERS) ? Party.MANUFACTURER : Party.LAB, groups, order++));
        }
        return steps;
    }
}
