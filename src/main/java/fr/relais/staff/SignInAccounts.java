package fr.relais.staff;

import fr.relais.security.Accounts;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Security's view of the accounts: active ones only, with the sites they work for. */
@Singleton
class SignInAccounts implements Accounts {
    private final StaffRepository staff;
    private final StaffSiteRepository staffSites;

    SignInAccounts(StaffRepository staff, StaffSiteRepository staffSites) {
        this.staff = staff;
        this.staffSites = staffSites;
    }

    @Override
    public Optional<Account> activeByEmail(String email) {
        return staff.findByEmail(email).filter(Staff::active).map(this::account);
    }

    @Override
    public Optional<Account> activeById(long id) {
        return staff.findById(id).filter(Staff::active).map(this::account);
    }

    @Override
    public void changePassword(long id, String passwordHash) {
        staff.findById(id).ifPresent(s -> staff.update(s.withPassword(passwordHash, false)));
    }

    private Account account(Staff s) {
        return new Account(s.id(), s.email(), s.displayName(), s.passwordHash(), s.role(), s.mandateHabilitated(),
                s.mustChangePassword(), staffSites.findByStaffId(s.id()).stream().map(StaffSite::siteId).sorted().toList());
    }
}
