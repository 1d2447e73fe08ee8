package jp.jcstar.lab.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jp.jcstar.lab.assessment.AssessmentElements;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Group;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The assessment model reads as the five steps in Camunda Modeler: every element says what it does, joins are
 * gateways, each element sits in the group of its step, no flow is drawn through a shape, and the tests name the
 * elements through {@link AssessmentElements}. Reads the file only; no engine, no Spring.
 */
class BpmnReadabilityTest {

    static final Path MODEL = Path.of("bpmn/jcstar-assessment.bpmn");
    static final List<String> STEPS = List.of(
            "ドキュメントレビュー / Documentation review",
            "デバイス試験 / Device tests",
            "アプリ試験 / App tests",
            "クラウド試験 / Cloud tests",
            "是正・再試験・最終報告 / Rectification, retest and final report");

    static BpmnModelInstance model;
    static Map<String, Bounds> shapes;

    @BeforeAll
    static void readModel() throws IOException {
        try (InputStream in = Files.newInputStream(MODEL)) {
            model = Bpmn.readModelFromStream(in);
        }
        shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .collect(Collectors.toMap(shape -> shape.getBpmnElement().getId(), BpmnShape::getBounds));
    }

    /** "日本語 / English": Japanese (kana or kanji) before the slash, Latin letters after it. */
    static final Pattern BILINGUAL = Pattern.compile("\\w+: [^/]*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}][^/]* / .*[A-Za-z].*");

    @Test
    void theProcessAndEveryFlowNodeSayWhatTheyDoAndWhyTheyAreAsynchronous() {
        assertThat(model.getModelElementsByType(Process.class))
                .allSatisfy(process -> assertThat(documentation(process)).as(process.getId()).isNotBlank());
        assertThat(flowNodes()).allSatisfy(node -> {
            assertThat(documentation(node)).as("documentation of %s", node.getId()).isNotBlank();
            if (node.isCamundaAsyncBefore()) {
                assertThat(documentation(node)).as("%s says why it is asyncBefore", node.getId()).contains("asyncBefore");
            }
            if (node.isCamundaAsyncAfter()) {
                assertThat(documentation(node)).as("%s says why it is asyncAfter", node.getId()).contains("asyncAfter");
            }
        });
    }

    @Test
    void pathsJoinAtGatewaysNotAtTasksOrEvents() {
        assertThat(flowNodes()).filteredOn(node -> node instanceof Activity || node instanceof Event)
                .allSatisfy(node -> assertThat(node.getIncoming()).as("flows into %s", node.getId()).hasSizeLessThan(2));
    }

    @Test
    void everyFlowNodeLiesInTheGroupOfExactlyOneOfTheFiveSteps() {
        List<Group> groups = List.copyOf(model.getModelElementsByType(Group.class));
        assertThat(groups).extracting(group -> group.getCategory().getValue()).containsExactlyInAnyOrderElementsOf(STEPS);
        assertThat(groups).allSatisfy(group -> assertThat(shapes).as("shape of %s", group.getId()).containsKey(group.getId()));
        for (int i = 0; i < groups.size(); i++) {
            for (Group other : groups.subList(i + 1, groups.size())) {
                assertThat(overlap(shapes.get(groups.get(i).getId()), shapes.get(other.getId())))
                        .as("%s overlaps %s", groups.get(i).getId(), other.getId()).isFalse();
            }
        }
        assertThat(flowNodes()).allSatisfy(node -> assertThat(groups.stream()
                .filter(group -> contains(shapes.get(group.getId()), shapes.get(node.getId())))
                .map(group -> group.getCategory().getValue()).toList())
                .as("step groups around %s", node.getId()).hasSize(1));
    }

    @Test
    void noTwoShapesOverlapButABoundaryEventOnItsTask() {
        List<FlowNode> nodes = new ArrayList<>(flowNodes());
        for (int i = 0; i < nodes.size(); i++) {
            for (FlowNode other : nodes.subList(i + 1, nodes.size())) {
                FlowNode node = nodes.get(i);
                if (!attached(node, other) && !attached(other, node)) {
                    assertThat(overlap(shapes.get(node.getId()), shapes.get(other.getId())))
                            .as("%s overlaps %s", node.getId(), other.getId()).isFalse();
                }
            }
        }
    }

    /**
     * A flow is drawn around shapes: never through a task (its own source and target included, where it may only
     * touch the border) nor through an event or gateway it does not start or end at.
     */
    @Test
    void noSequenceFlowIsDrawnThroughAShape() {
        Map<String, BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .collect(Collectors.toMap(edge -> edge.getBpmnElement().getId(), Function.identity()));
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            assertThat(edges).as("diagram edge of %s", flow.getId()).containsKey(flow.getId());
            List<Waypoint> points = List.copyOf(edges.get(flow.getId()).getWaypoints());
            for (FlowNode node : flowNodes()) {
                boolean ownEnd = node == flow.getSource() || node == flow.getTarget();
                if (ownEnd && !(node instanceof Task)) {
                    continue;
                }
                for (int i = 1; i < points.size(); i++) {
                    assertThat(crossesInside(points.get(i - 1), points.get(i), shapes.get(node.getId())))
                            .as("%s is drawn through %s", flow.getId(), node.getId()).isFalse();
                }
            }
        }
    }

    @Test
    void everyNameADiagramShowsIsInJapaneseAndEnglish() {
        // What Modeler and Cockpit print on the diagram: the name of every flow node except the joining gateways
        // (which are unnamed on purpose), and the label of every flow leaving a deciding gateway.
        List<String> names = new ArrayList<>();
        flowNodes().stream().filter(node -> node.getName() != null || node.getIncoming().size() < 2)
                .forEach(node -> names.add(node.getId() + ": " + node.getName()));
        model.getModelElementsByType(SequenceFlow.class).stream()
                .filter(flow -> flow.getSource().getOutgoing().size() > 1)
                .forEach(flow -> names.add(flow.getId() + ": " + flow.getName()));
        assertThat(names).allSatisfy(name -> assertThat(name).matches(BILINGUAL));
    }

    @Test
    void endEventsHaveDistinctNames() {
        List<String> names = model.getModelElementsByType(EndEvent.class).stream().map(EndEvent::getName).toList();
        assertThat(names).doesNotContainNull().allSatisfy(name -> assertThat(name).isNotBlank()).doesNotHaveDuplicates();
    }

    @Test
    void everyConstantOfAssessmentElementsNamesAnElementAndEveryFlowNodeHasOne() {
        List<String> constants = Arrays.stream(AssessmentElements.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(BpmnReadabilityTest::value).toList();
        List<String> ids = flowNodes().stream().map(FlowNode::getId).toList();
        assertThat(constants).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
    }

    private static Collection<FlowNode> flowNodes() {
        return model.getModelElementsByType(FlowNode.class);
    }

    private static String documentation(BaseElement element) {
        return element.getDocumentations().stream().map(Documentation::getTextContent).collect(Collectors.joining(" "));
    }

    private static boolean attached(FlowNode event, FlowNode task) {
        return event instanceof BoundaryEvent boundary && boundary.getAttachedTo() == task;
    }

    private static boolean overlap(Bounds a, Bounds b) {
        return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
                && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
    }

    private static boolean contains(Bounds outer, Bounds inner) {
        return outer.getX() <= inner.getX() && outer.getY() <= inner.getY()
                && inner.getX() + inner.getWidth() <= outer.getX() + outer.getWidth()
                && inner.getY() + inner.getHeight() <= outer.getY() + outer.getHeight();
    }

    /** Whether the segment enters the inside of the bounds (Liang-Barsky clipping); touching the border is not. */
    private static boolean crossesInside(Waypoint from, Waypoint to, Bounds bounds) {
        double inset = 1;
        double minX = bounds.getX() + inset, maxX = bounds.getX() + bounds.getWidth() - inset;
        double minY = bounds.getY() + inset, maxY = bounds.getY() + bounds.getHeight() - inset;
        double dx = to.getX() - from.getX(), dy = to.getY() - from.getY();
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {from.getX() - minX, maxX - from.getX(), from.getY() - minY, maxY - from.getY()};
        double enter = 0, leave = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] <= 0) {
                    return false;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    enter = Math.max(enter, t);
                } else {
                    leave = Math.min(leave, t);
                }
            }
        }
        return enter < leave;
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
