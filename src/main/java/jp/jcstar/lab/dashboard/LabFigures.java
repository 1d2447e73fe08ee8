package jp.jcstar.lab.dashboard;

import java.util.List;

import jp.jcstar.lab.Bilingual;

/**
 * How the lab's assessments go, for one {@link DashboardFilter}: what the dashboard draws and lists, the CSV exports
 * and the monthly PDF prints. Shares are 0..1, null where nothing was counted.
 */
public record LabFigures(
        DashboardFilter filter,
        long applied,
        FirstRounds firstRounds,
        List<AreaFailures> failuresByArea,
        List<ItemFailures> topItems,
        Outcomes outcomes,
        List<StepTime> leadTimes,
        Split split,
        OpenWork open) {

    /** Assessments whose first round was evaluated, and how many of them failed it. */
    public record FirstRounds(long evaluated, long failed) {

        public Double passRate() {
            return evaluated == 0 ? null : (double) (evaluated - failed) / evaluated;
        }
    }

    /** Of the first rounds that failed: in how many an item of this area failed, and that share. */
    public record AreaFailures(String area, Bilingual name, long assessments, Double share) {
    }

    /** An item that failed in first rounds, and in how many assessments. */
    public record ItemFailures(String itemId, Bilingual title, long assessments) {
    }

    /** Ended assessments: completed and terminated, the rounds the completed ones took. */
    public record Outcomes(long completed, long terminated, List<RoundCount> roundsOfCompleted) {

        public Double meanRounds() {
            long total = roundsOfCompleted.stream().mapToLong(RoundCount::assessments).sum();
            return total == 0 ? null : roundsOfCompleted.stream()
                    .mapToDouble(count -> (double) count.rounds() * count.assessments()).sum() / total;
        }

        public Double terminatedShare() {
            return completed + terminated == 0 ? null : (double) terminated / (completed + terminated);
        }
    }

    public record RoundCount(int rounds, long assessments) {
    }

    /** A step's finished tasks: whose turn it was, how many, and how long each took (hours). */
    public record StepTime(String step, Bilingual name, Party party, long tasks, double medianHours, double meanHours) {
    }

    /** Whose turn a step is. */
    public enum Party {
        LAB(Bilingual.of("試験所", "Lab")), MANUFACTURER(Bilingual.of("製造事業者", "Manufacturer"));

        private final Bilingual name;

        Party(Bilingual name) {
            this.name = name;
        }

        public Bilingual label() {
            return name;
        }
    }

    /** Completed assessments from application to end, in days: the manufacturer's steps, and the rest (the lab's). */
    public record Split(long assessments, Double meanDaysTotal, Double meanDaysManufacturer) {

        public Double meanDaysLab() {
            return meanDaysTotal == null ? null : meanDaysTotal - meanDaysManufacturer;
        }
    }

    /** What is open now: tasks by step, how many are overdue, each engineer's (and nobody's yet). */
    public record OpenWork(List<StepCount> byStep, long overdue, List<PersonCount> engineers) {
    }

    public record StepCount(String step, Bilingual name, long tasks, long overdue) {
    }

    /** An engineer's open tasks; {@code person} null for the engineers' tasks nobody took yet. */
    public record PersonCount(String person, long tasks) {
    }
}
