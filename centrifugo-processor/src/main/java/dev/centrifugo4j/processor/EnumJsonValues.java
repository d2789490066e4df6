package dev.centrifugo4j.processor;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import org.jspecify.annotations.Nullable;

/**
 * Reads, from the source, what Jackson writes for the constants of an enum with a {@code @JsonValue}
 * member: the member must be a field, or a method that returns a field ({@code return this.code;}),
 * and each constant must pass a literal for that field to the constructor ({@code RED("red")}), or
 * have it as a constant initializer. Anything else is computed at run time and cannot be known here.
 *
 * <p>Needs javac's tree API; where it is absent (another compiler) nothing can be read.
 */
final class EnumJsonValues {

    private final @Nullable Trees trees;

    private EnumJsonValues(@Nullable Trees trees) {
        this.trees = trees;
    }

    static EnumJsonValues of(ProcessingEnvironment environment) {
        try {
            return new EnumJsonValues(Trees.instance(environment));
        } catch (IllegalArgumentException | LinkageError ex) {
            return new EnumJsonValues(null);
        }
    }

    /**
     * The wire values of the enum's constants, in declaration order, or {@code null} when they
     * cannot be read from the source.
     *
     * @param enumType the enum
     * @param member the enum's field or method annotated with {@code @JsonValue}
     */
    @Nullable
    List<Object> values(TypeElement enumType, Element member) {
        if (this.trees == null) {
            return null;
        }
        String field = fieldOf(member);
        if (field == null) {
            return null;
        }
        int argument = constructorArgumentOf(enumType, field);
        List<Object> values = new ArrayList<>();
        for (Element constant : enumType.getEnclosedElements()) {
            if (constant.getKind() != ElementKind.ENUM_CONSTANT) {
                continue;
            }
            Object value = argument < 0 ? null : constantArgument(constant, argument);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    /** The field a {@code @JsonValue} member stands for, or null. */
    private @Nullable String fieldOf(Element member) {
        if (member.getKind() == ElementKind.FIELD) {
            return member.getSimpleName().toString();
        }
        if (!(member instanceof ExecutableElement method)
                || !method.getParameters().isEmpty()) {
            return null;
        }
        Tree tree = this.trees.getTree(method);
        if (!(tree instanceof MethodTree methodTree) || methodTree.getBody() == null) {
            return null;
        }
        List<? extends StatementTree> statements = methodTree.getBody().getStatements();
        if (statements.size() != 1 || !(statements.get(0) instanceof ReturnTree returned)) {
            return null;
        }
        return fieldName(returned.getExpression());
    }

    private static @Nullable String fieldName(@Nullable ExpressionTree expression) {
        if (expression instanceof IdentifierTree identifier) {
            return identifier.getName().toString();
        }
        if (expression instanceof MemberSelectTree select
                && select.getExpression() instanceof IdentifierTree target
                && target.getName().contentEquals("this")) {
            return select.getIdentifier().toString();
        }
        return null;
    }

    /** The index of the constructor parameter every constructor assigns to the field, or -1. */
    private int constructorArgumentOf(TypeElement enumType, String field) {
        int index = -1;
        for (Element element : enumType.getEnclosedElements()) {
            if (element.getKind() != ElementKind.CONSTRUCTOR) {
                continue;
            }
            ExecutableElement constructor = (ExecutableElement) element;
            Tree tree = this.trees.getTree(constructor);
            if (!(tree instanceof MethodTree methodTree) || methodTree.getBody() == null) {
                return -1;
            }
            int found = assignedParameter(methodTree.getBody(), field, constructor.getParameters());
            if (found < 0 || (index >= 0 && found != index)) {
                return -1;
            }
            index = found;
        }
        return index;
    }

    private static int assignedParameter(BlockTree body, String field, List<? extends VariableElement> parameters) {
        for (StatementTree statement : body.getStatements()) {
            if (statement instanceof ExpressionStatementTree expression
                    && expression.getExpression() instanceof AssignmentTree assignment
                    && field.equals(fieldName(assignment.getVariable()))
                    && assignment.getExpression() instanceof IdentifierTree value) {
                for (int i = 0; i < parameters.size(); i++) {
                    if (parameters.get(i).getSimpleName().contentEquals(value.getName())) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    /** The literal the constant passes as the given constructor argument, or null. */
    private @Nullable Object constantArgument(Element constant, int argument) {
        Tree tree = this.trees.getTree(constant);
        if (!(tree instanceof VariableTree variable)
                || !(variable.getInitializer() instanceof NewClassTree creation)
                || creation.getArguments().size() <= argument
                || !(creation.getArguments().get(argument) instanceof LiteralTree literal)) {
            return null;
        }
        Object value = literal.getValue();
        return (value instanceof String || value instanceof Integer || value instanceof Long) ? value : null;
    }
}
