package cn.medexam.qualification.system;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A text field that must name a constant of an enum. Validated as text so that every bad field of a request is
 * reported at once, with the allowed values, instead of the first one failing deserialisation.
 */
@Target(FIELD)
@Retention(RUNTIME)
@Constraint(validatedBy = OneOf.Validator.class)
public @interface OneOf {

    Class<? extends Enum<?>> value();

    /** What the field is, in Chinese, e.g. 考区. */
    String label();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OneOf, String> {

        private String allowed;
        private String label;

        @Override
        public void initialize(OneOf annotation) {
            allowed = Arrays.stream(annotation.value().getEnumConstants())
                    .map(Enum::name)
                    .collect(Collectors.joining("、"));
            label = annotation.label();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value != null && Arrays.asList(allowed.split("、")).contains(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // the rejected value is not echoed: a message template must never carry caller-controlled text
            String problem = value == null ? "不能为空" : "取值无效";
            context.buildConstraintViolationWithTemplate(label + problem + "，可选值：" + allowed)
                    .addConstraintViolation();
            return false;
        }
    }
}
