package cn.medexam.qualification.registration;

import cn.medexam.qualification.campaign.Region;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Read access to registrations for the other capabilities. */
@Service
public class Registrations {

    private final RegistrationRepository repository;

    Registrations(RegistrationRepository repository) {
        this.repository = repository;
    }

    public Optional<Registration> find(String candidateNo) {
        return repository.find(candidateNo);
    }

    /** The registrations of these candidate numbers (one query; pass a page, not a campaign), in no order. */
    public List<Registration> findAll(Collection<String> candidateNos) {
        return repository.findAll(candidateNos);
    }

    public Registration require(String candidateNo) {
        return repository.find(candidateNo).orElseThrow(() -> unknown(candidateNo));
    }

    /** The id of the case this registration started, once it has started one. */
    public Optional<String> processInstanceId(String candidateNo) {
        return repository.processInstanceId(candidateNo);
    }

    /**
     * Locks the candidate's registration row until the calling transaction ends: the changes of one candidate's
     * case (uploads, deletions, the submission) take turns on it.
     */
    public void lockForUpdate(String candidateNo) {
        repository.lockForUpdate(candidateNo);
    }

    /**
     * One page of a campaign's candidate numbers in ascending order, those after {@code after} (keyset paging:
     * pass "" for the first page, then the last number of the previous page). Cancelled registrations included.
     */
    public List<String> candidateNumbers(Region region, int examYear, String after, int limit) {
        return repository.candidateNumbers(region, examYear, after, limit);
    }

    static UnknownRegistrationException unknown(String candidateNo) {
        return new UnknownRegistrationException(candidateNo);
    }
}
