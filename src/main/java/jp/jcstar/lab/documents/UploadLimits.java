package jp.jcstar.lab.documents;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The servlet container's multipart limits follow jcstar.documents.max-file-size, so that one setting bounds an
 * upload: the container stops reading a larger file (413) and spools parts over 256 KB to disk, not to memory. The
 * UploadSizeFilter keeps every other multipart request far below that.
 */
@Configuration
public class UploadLimits {

    /** Room for the form fields and part headers around the file. */
    static final DataSize FORM_OVERHEAD = DataSize.ofMegabytes(1);

    @Bean
    MultipartConfigElement multipartConfigElement(DocumentProperties limits) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(limits.maxFileSize());
        factory.setMaxRequestSize(DataSize.ofBytes(limits.maxFileSize().toBytes() + FORM_OVERHEAD.toBytes()));
        factory.setFileSizeThreshold(DataSize.ofKilobytes(256));
        return factory.createMultipartConfig();
    }

    /** Before Spring Security's filters (order -100), which may read the parameters of a multipart body. */
    @Bean
    FilterRegistrationBean<UploadSizeFilter> uploadSizeFilter(DocumentProperties limits) {
        FilterRegistrationBean<UploadSizeFilter> registration = new FilterRegistrationBean<>(new UploadSizeFilter(limits));
        registration.setOrder(-110);
        return registration;
    }
}
