package dev.centrifugo4j.dispatch;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.deser.BeanDeserializerBuilder;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.bean.BeanDeserializerBase;
import tools.jackson.databind.deser.bean.PropertyValueBuffer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;

/**
 * The application's mapper made to bind payloads the way the contract describes them, whatever the
 * application configured for its own JSON:
 *
 * <ul>
 *   <li>a property the type does not have is refused ({@link
 *       DeserializationFeature#FAIL_ON_UNKNOWN_PROPERTIES}), unless the type says {@code
 *       @JsonIgnoreProperties(ignoreUnknown = true)} or has a {@code @JsonAnySetter} (the contract
 *       then allows more properties too);
 *   <li>a property the contract marks required ({@link RequiredProperties}) is refused when it is
 *       missing or {@code null}: creator properties (record components, the constructor parameters
 *       of a Kotlin class) and setter or field properties alike, with the path of the property in
 *       the error;
 *   <li>a missing primitive that is not required gets its default ({@code 0}, {@code false});
 *   <li>a property twice, or bytes after the value, are refused ({@link
 *       StreamReadFeature#STRICT_DUPLICATE_DETECTION}, {@link
 *       DeserializationFeature#FAIL_ON_TRAILING_TOKENS}; data in JSON mode arrives as a tree that the
 *       envelope's strict parse already checked).
 * </ul>
 */
final class StrictPayloads {

    private StrictPayloads() {}

    /**
     * A mapper configured like {@code base}, with the rules above added.
     *
     * @param base the application's mapper
     * @return a new mapper; {@code base} is not changed
     */
    static ObjectMapper mapper(ObjectMapper base) {
        return base.rebuild()
                .addModule(new Module())
                .enable(
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** Registers the null handling of required properties and the check of required setters. */
    private static final class Module extends JacksonModule {

        @Override
        public String getModuleName() {
            return "centrifugo4j-strict-payloads";
        }

        @Override
        public Version version() {
            return Version.unknownVersion();
        }

        @Override
        public void setupModule(SetupContext context) {
            // First: the contract's requirement wins over a @JsonProperty without required = true.
            context.insertAnnotationIntrospector(new RequiredNulls());
            context.addDeserializerModifier(new RequiredSetters());
        }
    }

    /**
     * A required property is marked required, so that Jackson refuses a creator property (a record
     * component) that is missing, and one that must not be {@code null} fails when it is ({@link
     * Nulls#FAIL}); a primitive that is not required gets its default when missing or {@code null}
     * instead of failing.
     */
    private static final class RequiredNulls extends NopAnnotationIntrospector {

        private static final long serialVersionUID = 1L;

        private static final JsonSetter.Value FAIL = JsonSetter.Value.forValueNulls(Nulls.FAIL);

        private static final JsonSetter.Value DEFAULT = JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY);

        @Override
        public @Nullable Boolean hasRequiredMarker(MapperConfig<?> config, AnnotatedMember member) {
            return (RequiredProperties.of(member) != RequiredProperties.Requirement.NONE) ? Boolean.TRUE : null;
        }

        @Override
        public JsonSetter.@Nullable Value findSetterInfo(MapperConfig<?> config, Annotated annotated) {
            if (!(annotated instanceof AnnotatedMember member)) {
                return null;
            }
            RequiredProperties.Requirement requirement = RequiredProperties.of(member);
            if (requirement == RequiredProperties.Requirement.PRESENT_NOT_NULL) {
                return FAIL;
            }
            return (requirement == RequiredProperties.Requirement.NONE
                            && RequiredProperties.valueType(member).isPrimitive())
                    ? DEFAULT
                    : null;
        }
    }

    /**
     * Jackson refuses a missing required creator property through its null handling, but sets the
     * properties of a bean one by one and never notices one that does not come: the required setter
     * and field properties are marked as they are set, and the bean is refused when one was not.
     */
    private static final class RequiredSetters extends ValueDeserializerModifier {

        private static final long serialVersionUID = 1L;

        @Override
        public BeanDeserializerBuilder updateBuilder(
                DeserializationConfig config, BeanDescription.Supplier description, BeanDeserializerBuilder builder) {
            List<SettableBeanProperty> required = new ArrayList<>();
            for (Iterator<SettableBeanProperty> properties = builder.getProperties(); properties.hasNext(); ) {
                SettableBeanProperty property = properties.next();
                AnnotatedMember member = property.getMember();
                if (!property.isCreatorProperty()
                        && member != null
                        && RequiredProperties.of(member) != RequiredProperties.Requirement.NONE) {
                    required.add(property);
                }
            }
            for (int i = 0; i < required.size(); i++) {
                builder.addOrReplaceProperty(new MarkedProperty(required.get(i), i), true);
            }
            ValueInstantiator instantiator = builder.getValueInstantiator();
            if (instantiator != null && KotlinProperties.isKotlinClass(description.getBeanClass())) {
                builder.setValueInstantiator(new RequiredCreatorProperties(instantiator));
            }
            return builder;
        }

        @Override
        public ValueDeserializer<?> modifyDeserializer(
                DeserializationConfig config, BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
            if (!(deserializer instanceof BeanDeserializerBase bean)) {
                return deserializer;
            }
            List<String> names = new ArrayList<>();
            for (Iterator<SettableBeanProperty> properties = bean.properties(); properties.hasNext(); ) {
                if (properties.next() instanceof MarkedProperty marked) {
                    while (names.size() <= marked.index) {
                        names.add("");
                    }
                    names.set(marked.index, marked.getName());
                }
            }
            return names.isEmpty() ? deserializer : new RequiredCheck(deserializer, List.copyOf(names));
        }
    }

    /**
     * Refuses a Kotlin class's data without a required creator property before the class's own
     * instantiator sees it: {@code jackson-module-kotlin}'s instantiator reports a missing non-null
     * parameter as {@code null} (without its path), where the contract says it is missing.
     */
    private static final class RequiredCreatorProperties extends ValueInstantiator.Delegating {

        RequiredCreatorProperties(ValueInstantiator delegate) {
            super(delegate);
        }

        @Override
        public ValueInstantiator createContextual(
                DeserializationContext context, BeanDescription.Supplier description) {
            ValueInstantiator contextual = delegate().createContextual(context, description);
            return (contextual == delegate()) ? this : new RequiredCreatorProperties(contextual);
        }

        @Override
        public Object createFromObjectWith(
                DeserializationContext context, SettableBeanProperty[] properties, PropertyValueBuffer buffer) {
            for (SettableBeanProperty property : properties) {
                AnnotatedMember member = property.getMember();
                if (member != null
                        && !buffer.hasParameter(property)
                        && RequiredProperties.of(member) != RequiredProperties.Requirement.NONE) {
                    MismatchedInputException missing = MismatchedInputException.from(
                            context.getParser(),
                            getValueClass(),
                            "Missing required creator property '" + property.getName() + "'");
                    missing.prependPath(getValueClass(), property.getName());
                    throw missing;
                }
            }
            return delegate().createFromObjectWith(context, properties, buffer);
        }
    }

    /** The required properties of the bean being read set so far; the current one is a context attribute. */
    private static final class Seen {

        static final Object KEY = Seen.class;

        final boolean[] set;

        Seen(int size) {
            this.set = new boolean[size];
        }

        static void mark(DeserializationContext context, int index) {
            if (context.getAttribute(KEY) instanceof Seen seen && index < seen.set.length) {
                seen.set[index] = true;
            }
        }
    }

    /** A required setter or field property that marks itself set. */
    private static final class MarkedProperty extends SettableBeanProperty.Delegating {

        private static final long serialVersionUID = 1L;

        final int index;

        MarkedProperty(SettableBeanProperty delegate, int index) {
            super(delegate);
            this.index = index;
        }

        @Override
        protected SettableBeanProperty withDelegate(SettableBeanProperty delegate) {
            return new MarkedProperty(delegate, this.index);
        }

        @Override
        public void deserializeAndSet(JsonParser parser, DeserializationContext context, Object instance) {
            Seen.mark(context, this.index);
            this.delegate.deserializeAndSet(parser, context, instance);
        }

        @Override
        public Object deserializeSetAndReturn(JsonParser parser, DeserializationContext context, Object instance) {
            Seen.mark(context, this.index);
            return this.delegate.deserializeSetAndReturn(parser, context, instance);
        }

        @Override
        public void set(DeserializationContext context, Object instance, Object value) {
            Seen.mark(context, this.index);
            this.delegate.set(context, instance, value);
        }

        @Override
        public Object setAndReturn(DeserializationContext context, Object instance, Object value) {
            Seen.mark(context, this.index);
            return this.delegate.setAndReturn(context, instance, value);
        }
    }

    /** Reads a bean with required setter properties and refuses it when one of them did not come. */
    private static final class RequiredCheck extends DelegatingDeserializer {

        private final List<String> names;

        RequiredCheck(ValueDeserializer<?> delegate, List<String> names) {
            super(delegate);
            this.names = names;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new RequiredCheck(delegate, this.names);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            Object outer = context.getAttribute(Seen.KEY);
            Seen seen = new Seen(this.names.size());
            context.setAttribute(Seen.KEY, seen);
            Object value;
            try {
                value = super.deserialize(parser, context);
            } finally {
                context.setAttribute(Seen.KEY, outer);
            }
            for (int i = 0; i < seen.set.length; i++) {
                if (!seen.set[i]) {
                    String name = this.names.get(i);
                    MismatchedInputException missing = MismatchedInputException.from(
                            parser, value.getClass(), "Missing required property '" + name + "'");
                    missing.prependPath(value, name);
                    throw missing;
                }
            }
            return value;
        }
    }
}
