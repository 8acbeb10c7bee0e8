package cn.medexam.qualification.system;

import java.util.List;

/** Bad input found by a check the annotations cannot express; answered 400 with every bad field named. */
public class InvalidInputException extends RuntimeException {

    private final List<ApiError.FieldError> errors;

    public InvalidInputException(List<ApiError.FieldError> errors) {
        super(errors.toString());
        this.errors = List.copyOf(errors);
    }

    public List<ApiError.FieldError> errors() {
        return errors;
    }
}
