package io.github.camelmarketo.component.springboot;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Turns a property value {@code #bean:name} or {@code #name} into the bean of that name, for the object-typed options
 * a component's starter configuration lists in {@link #referenceTypes()}. Other values are left to Spring.
 */
public abstract class BeanReferenceConverter implements GenericConverter {

    @Autowired
    private ApplicationContext applicationContext;

    /** The option types that may be given as bean references. */
    protected abstract Set<Class<?>> referenceTypes();

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        Set<ConvertiblePair> answer = new LinkedHashSet<>();
        referenceTypes().forEach(type -> answer.add(new ConvertiblePair(String.class, type)));
        return answer;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String ref = source.toString();
        if (!ref.startsWith("#")) {
            return null;
        }
        ref = ref.startsWith("#bean:") ? ref.substring(6) : ref.substring(1);
        return applicationContext.getBean(ref, targetType.getType());
    }
}
