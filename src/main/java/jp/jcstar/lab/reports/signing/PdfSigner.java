package jp.jcstar.lab.reports.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.util.Calendar;
import java.util.Hashtable;
import java.util.Map;

import jp.jcstar.lab.LabProperties;
import jp.jcstar.lab.Sha256;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.springframework.stereotype.Component;

/**
 * Signs an issued PDF with the lab's key: a PAdES baseline signature (B-B): subfilter ETSI.CAdES.detached, a CMS
 * signature over the whole file but the signature itself, with the signing certificate named in a
 * signing-certificate-v2 attribute and the claimed signing time in the signature dictionary (not in the CMS).
 * The signature is added as an incremental update, so the rendered file stays byte for byte before it.
 */
@Component
public class PdfSigner {

    private final LabSigningKey key;
    private final LabProperties lab;

    public PdfSigner(LabSigningKey key, LabProperties lab) {
        this.key = key;
        this.lab = lab;
    }

    /** The SHA-256 of the certificate this signer signs with. */
    public String certificateSha256() {
        return key.get().fingerprint();
    }

    /** The PDF with the lab's signature, signed at {@code at}. */
    public byte[] sign(byte[] pdf, Calendar at, String reason) {
        LabSigningKey.Loaded signing = key.get();
        try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(lab.labName());
            signature.setReason(reason);
            signature.setSignDate(at);
            // Room for the CMS structure: the signature (512 bytes for RSA-4096), its attributes and the chain.
            options.setPreferredSignatureSize(2048 + signing.chain().stream().mapToInt(PdfSigner::encodedLength).sum());
            document.addSignature(signature, content -> cms(content, signing), options);
            ByteArrayOutputStream signed = new ByteArrayOutputStream(pdf.length + 40_000);
            document.saveIncremental(signed);
            return signed.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Signing the PDF failed", e);
        }
    }

    private static byte[] cms(InputStream content, LabSigningKey.Loaded signing) throws IOException {
        try {
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(
                    new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(
                            new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
                            Sha256.bytes(signing.certificate().getEncoded()))}))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new PadesAttributes(new AttributeTable(attributes)))
                    .build(new JcaContentSignerBuilder(algorithm(signing)).build(signing.key()), signing.certificate()));
            generator.addCertificates(new JcaCertStore(signing.chain()));
            return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("The CMS signature could not be made: " + e.getMessage(), e);
        }
    }

    private static int encodedLength(java.security.cert.X509Certificate certificate) {
        try {
            return certificate.getEncoded().length;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A certificate of the lab's chain cannot be encoded", e);
        }
    }

    private static String algorithm(LabSigningKey.Loaded signing) {
        return switch (signing.key().getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            default -> "SHA256withRSA";
        };
    }

    /** The standard signed attributes without signing-time: PAdES puts the claimed time in the dictionary (M). */
    private static final class PadesAttributes extends DefaultSignedAttributeTableGenerator {

        PadesAttributes(AttributeTable attributes) {
            super(attributes);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        protected Hashtable createStandardAttributeTable(Map parameters) {
            Hashtable table = super.createStandardAttributeTable(parameters);
            table.remove(CMSAttributes.signingTime);
            return table;
        }
    }
}
