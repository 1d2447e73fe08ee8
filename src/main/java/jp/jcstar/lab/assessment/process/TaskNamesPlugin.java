package jp.jcstar.lab.assessment.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every deployed model the create listener {@link TaskNames}, when the engine parses the
 * model: a task a process administrator adds in Modeler is named like the others without anyone remembering a
 * listener, and the model keeps only the step's name. Added as a built-in listener, so it runs first and also when
 * an administrator skips the model's own listeners. {@link TaskMails} is added the same way (after the name is set),
 * at a task's creation and at its assignment.
 */
@Component
public class TaskNamesPlugin extends AbstractProcessEnginePlugin {

    private final TaskNames taskNames;
    private final TaskMails taskMails;

    public TaskNamesPlugin(TaskNames taskNames, TaskMails taskMails) {
        this.taskNames = taskNames;
        this.taskMails = taskMails;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, taskNames);
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, taskMails);
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, taskMails);
            }
        });
        configuration.setCustomPreBPMNParseListeners(listeners);
    }
}
