package cn.medexam.qualification.documents;

/** The bytes of a stored image with the type the checks found. */
public record ImageContent(String contentType, byte[] bytes) {}
